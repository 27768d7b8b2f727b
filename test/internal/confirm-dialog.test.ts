import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ConfirmDialog } from '../../src/internal/confirm-dialog.js';
import { baseStyles } from '../../src/internal/styles.js';

@customElement('confirm-probe')
class ConfirmProbe extends LitElement {
  static override styles = baseStyles;
  dialog = new ConfirmDialog(this);
  answers: boolean[] = [];
  override render() {
    return html`<button id="open" @click=${async () => this.answers.push(await this.dialog.ask())}>Remove</button>
      ${this.dialog.render({ heading: 'Remove this card?', body: 'You can link it again later.', confirm: 'Remove card' })}`;
  }
}

const $ = (el: ConfirmProbe, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement;

describe('ConfirmDialog', () => {
  it('opens modal, is accessible, and confirms', async () => {
    const el = await fixture<ConfirmProbe>(html`<confirm-probe></confirm-probe>`);
    $(el, '#open').click();
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await expect(el).to.be.accessible();
    $(el, '[part="dialog-confirm"]').click();
    await el.updateComplete;
    expect(el.answers).to.deep.equal([true]);
    expect($(el, 'dialog')).to.equal(null);
  });

  it('cancels on Escape and gives focus back to the opener', async () => {
    const el = await fixture<ConfirmProbe>(html`<confirm-probe></confirm-probe>`);
    $(el, '#open').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('dialog-cancel');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.answers).to.deep.equal([false]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('open');
  });

  it('keeps Tab inside the dialog', async () => {
    const el = await fixture<ConfirmProbe>(html`<confirm-probe></confirm-probe>`);
    const outside = document.createElement('button');
    outside.textContent = 'outside';
    document.body.append(outside);
    $(el, '#open').click();
    await el.updateComplete;
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).not.to.equal(outside);
    }
    outside.remove();
  });
});
