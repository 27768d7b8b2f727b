// What the gallery (scripts/gallery.js) shows of each element, and when its data is in. The README
// table of the pictures is generated from the same list (scripts/gen-readme.js). An element of the
// manifest that is not here is shown as its bare tag, ready once no skeleton is left.

/** @type {Record<string, { html: string, ready: string }>} `ready`: the body of a check of the element's shadow root `root` */
export const GALLERY = {
  'loyalty-balance': { html: '<loyalty-balance></loyalty-balance>', ready: "root.textContent.includes('182.35')" },
  'reward-progress': { html: '<reward-progress limit="3"></reward-progress>', ready: 'root.querySelector(\'[part~="reward"]\')' },
  'transaction-history': {
    html: '<transaction-history currency="CAD" limit="4"></transaction-history>',
    ready: 'root.querySelectorAll(\'[part~="row"]\').length === 4',
  },
  'checkin-code': { html: '<checkin-code></checkin-code>', ready: "root.querySelector('svg')" },
  'card-wallet': { html: '<card-wallet kinds="first-party third-party"></card-wallet>', ready: "root.textContent.includes('5509')" },
  'loyalty-sign-in': { html: '<loyalty-sign-in></loyalty-sign-in>', ready: "root.textContent.includes('Signed in as')" },
  'profile-form': { html: '<profile-form></profile-form>', ready: "root.querySelector('input')?.value" },
  'account-deletion': { html: '<account-deletion></account-deletion>', ready: 'root.querySelector(\'[part~="delete"]\')' },
};

/** `<loyalty-session>` draws nothing of its own. */
export const NOT_SHOWN = ['loyalty-session'];

/** Every element the gallery shows, in the manifest's order, with its settings. */
export function galleryOf(elements) {
  return elements
    .filter((el) => !NOT_SHOWN.includes(el.tag))
    .map(({ tag }) => ({
      tag,
      ...(GALLERY[tag] ?? { html: `<${tag}></${tag}>`, ready: 'root.textContent.trim() && !root.querySelector(\'[part~="skeleton"]\')' }),
    }));
}
