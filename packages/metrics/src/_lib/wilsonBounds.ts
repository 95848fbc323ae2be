// Wilson score bounds for validated counts (shared by wilsonInterval and newcombeInterval).

/** [lower, upper] of the Wilson score interval for x successes in n > 0 trials at critical value z. */
export function wilsonBounds(x: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const denom = n + z2;
  const center = (x + z2 / 2) / denom;
  const half = (z / denom) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  const lower = x === 0 ? 0 : Math.max(0, center - half);
  const upper = x === n ? 1 : Math.min(1, center + half);
  return [lower, upper];
}
