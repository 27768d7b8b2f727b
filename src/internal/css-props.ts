import { noChange } from 'lit';
import { Directive, PartType, directive, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';

type Props = Readonly<Record<string, string | number | null | undefined>>;

/**
 * Sets inline style properties through the CSSOM (`element.style.setProperty`), never through a
 * `style` attribute: a Content-Security-Policy without `'unsafe-inline'` (`style-src 'self'`)
 * blocks every `style` attribute the page writes, a Lit `style="…${x}"` binding included, and
 * Lit's own `styleMap` writes the attribute on its first render. The CSSOM is not blocked.
 *
 * An element binding, with CSS property names as written in CSS (custom properties included):
 * `<span class="bone" ${cssProps({ '--_loyalty-bone-width': '5em', height: '2.5em' })}></span>`. A property whose
 * value becomes `null`/`undefined` is removed.
 */
class CssPropsDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() is an element binding: <div ${cssProps({ … })}>');
  }

  render(_props: Props): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Props]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.names) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.names.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.names.add(name);
    }
    return noChange;
  }
}

export const cssProps: (props: Props) => DirectiveResult<typeof CssPropsDirective> = directive(CssPropsDirective);
