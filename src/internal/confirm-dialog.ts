import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

let ids = 0;

export interface ConfirmContent {
  heading: string;
  body: TemplateResult | string;
  confirm: string;
  cancel?: string;
}

/**
 * An accessible confirmation: a native modal `<dialog>` (the page behind it is inert, so focus
 * stays inside; Escape cancels; focus returns to the control that opened it). `ask()` resolves
 * `true` on confirm, `false` on cancel. Render `dialog.render(content)` once in the template.
 *
 * Parts: `dialog`, `dialog-heading`, `dialog-body`, `dialog-actions`, `dialog-confirm`, `dialog-cancel`.
 */
export class ConfirmDialog implements ReactiveController {
  open = false;
  private readonly dialog = createRef<HTMLDialogElement>();
  private readonly id = `loyalty-dialog-${++ids}`;
  private answer?: (ok: boolean) => void;
  private opener?: HTMLElement | null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  ask(): Promise<boolean> {
    this.answer?.(false);
    const root = this.host.shadowRoot;
    this.opener = (root?.activeElement ?? document.activeElement) as HTMLElement | null;
    this.open = true;
    this.host.requestUpdate();
    return new Promise((resolve) => (this.answer = resolve));
  }

  close(ok = false): void {
    if (!this.open) return;
    this.open = false;
    const answer = this.answer;
    this.answer = undefined;
    this.host.requestUpdate();
    answer?.(ok);
  }

  private shown = false;

  hostUpdated(): void {
    const dialog = this.dialog.value;
    if (this.open && dialog && !dialog.open) {
      dialog.showModal();
      this.shown = true;
    } else if (!this.open && this.shown) {
      // the template has removed the dialog; give focus back to the opener if it still exists
      this.shown = false;
      if (this.opener?.isConnected) this.opener.focus();
    }
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /**
   * Escape belongs to this dialog (the browser turns it into `cancel`): it must not bubble out of
   * the shadow root, where a page's own modal listening on `document` would close as well.
   * Stopping it leaves the browser's default action, the `cancel`, in place.
   */
  private readonly onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'Esc') e.stopPropagation();
  };

  render(content: ConfirmContent): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    return html`<dialog
      ${ref(this.dialog)}
      part="dialog"
      aria-labelledby="${this.id}-h"
      aria-describedby="${this.id}-b"
      @keydown=${this.onKeydown}
      @cancel=${(e: Event) => {
        e.preventDefault();
        e.stopPropagation();
        this.close(false);
      }}
    >
      <h2 id="${this.id}-h" part="dialog-heading">${content.heading}</h2>
      <div id="${this.id}-b" part="dialog-body">${content.body}</div>
      <div part="dialog-actions" class="dialog-actions">
        <button type="button" part="dialog-cancel" class="secondary" autofocus @click=${() => this.close(false)}>
          ${content.cancel ?? msg('Cancel')}
        </button>
        <button type="button" part="dialog-confirm" class="danger" @click=${() => this.close(true)}>${content.confirm}</button>
      </div>
    </dialog>`;
  }
}
