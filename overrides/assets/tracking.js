// Material's anchor tracking (navigation.tracking) writes the section in view into the address,
// 250 ms after the page last scrolled. A page left within those 250 ms of a scroll got that write
// after instant navigation had put the next page's address there and before it had swapped the
// content in: the next page opened at its top with the last page's section in its address
// (#practice, or a heading it lacks), and a reload or a shared link went to the wrong place.
// Such a write is dropped: its address is not the page shown, or its section is not in or above
// the window. Material's own writes name the last heading above the top (every heading, once the
// window reaches the page's end), or no section at all.
let shown = location.pathname; // the page whose content is in the document
window.document$?.subscribe(() => (shown = location.pathname)); // emitted once the content is swapped

const replaceState = history.replaceState.bind(history);

history.replaceState = function (state, unused, url) {
  if (url !== undefined && url !== null) {
    const { hash, pathname } = new URL(url, location.href);
    if (hash && (pathname !== shown || !reached(decodeURIComponent(hash.slice(1))))) return;
  }
  replaceState(state, unused, url);
};

function reached(id) {
  const target = document.getElementById(id);
  return target !== null && target.getBoundingClientRect().top <= innerHeight;
}
