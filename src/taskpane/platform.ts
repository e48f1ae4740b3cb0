/**
 * Whether the pane can save a file as a download. Excel for Mac does not let an add-in download a
 * file (its web view drops the download), so there the pane points to `cqs export` instead.
 * Never throws: outside Office there is no platform, and downloads work in a plain browser.
 */
export function downloadsBlockedSafe(globals: unknown = globalThis): boolean {
  try {
    const office = (globals as { Office?: { context?: { diagnostics?: { platform?: unknown } } } }).Office;
    return office?.context?.diagnostics?.platform === "Mac";
  } catch {
    return false;
  }
}
