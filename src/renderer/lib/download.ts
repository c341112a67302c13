/**
 * Browser mode's "Gem som…": main has put the file up for one download on its own server (`files.save` answers the
 * path), and serves it with the name and headers it chose; the page only follows the link.
 */
export function startDownload(path: string): void {
  if (!/^\/download\/[A-Za-z0-9_-]+$/.test(path)) return;
  const a = document.createElement('a');
  a.href = path;
  // An empty download attribute asks for a download and leaves the name to the server's Content-Disposition.
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** "Åbn" on an HTML letter in browser mode: the app's own letter view in a new tab, cut off from this one. */
export function openLetterTab(hash: string): boolean {
  if (!hash.startsWith('#letter=')) return false;
  // With noopener the browser answers null whether or not it opened the tab, so there is nothing to check.
  window.open(`${window.location.pathname}${hash}`, '_blank', 'noopener');
  return true;
}
