/**
 * Rows grouped by CHILD, each child's in the order given, leaving out the
 * rows `skip` turns down. A file lists a child's rows together, so the map
 * is asked once per run of them rather than once per row (at national scale
 * each ask is a cache miss or two).
 */
export function groupByChild<R extends { CHILD: string }>(
  rows: readonly R[],
  skip?: (row: R) => boolean,
): Map<string, R[]> {
  const map = new Map<string, R[]>();
  let last: string | undefined;
  let lastList: R[] = [];
  for (const r of rows) {
    if (skip?.(r)) continue;
    if (r.CHILD !== last) {
      let list = map.get(r.CHILD);
      if (!list) {
        list = [];
        map.set(r.CHILD, list);
      }
      last = r.CHILD;
      lastList = list;
    }
    lastList.push(r);
  }
  return map;
}
