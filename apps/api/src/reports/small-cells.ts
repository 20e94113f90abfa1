// Small-cell suppression (docs/REPORTS.md, "Small cells"): a report's counts with whether the viewer may see the
// referrals behind each, and the sums that tie them; what each count shows. Pure: unit-tested.

export const UNDER_THREE = '3未満';
export const WITHHELD = '秘匿';

export interface ShownCount {
  count: number | null;
  display: string;
  suppressed: boolean;
}

type Suppression = 'primary' | 'complementary';

/** The counts of one report (or of several reports shown together), by key, and the sums between them. */
export class FigureBook {
  private readonly figures = new Map<string, { count: number; sensitive: boolean }>();
  private readonly sums: { total: string; parts: string[] }[] = [];
  private settled: Map<string, Suppression> | null = null;

  /** A count; `sensitive` when the viewer may not see every referral behind it. A key added twice must agree. */
  add(key: string, count: number, sensitive: boolean): string {
    const known = this.figures.get(key);
    if (known && known.count !== count) throw new Error(`figure ${key} added as ${known.count} and ${count}`);
    this.figures.set(key, { count, sensitive: sensitive || (known?.sensitive ?? false) });
    this.settled = null;
    return key;
  }

  /** `total` is the sum of `parts` (all added before settling). */
  sum(total: string, parts: string[]): void {
    this.sums.push({ total, parts });
    this.settled = null;
  }

  show(key: string): ShownCount {
    const figure = this.figures.get(key);
    if (!figure) throw new Error(`no figure ${key}`);
    const suppression = this.suppressions().get(key);
    if (!suppression) return { count: figure.count, display: String(figure.count), suppressed: false };
    return { count: null, display: suppression === 'primary' ? UNDER_THREE : WITHHELD, suppressed: true };
  }

  isSuppressed(key: string): boolean {
    return this.suppressions().has(key);
  }

  private suppressions(): Map<string, Suppression> {
    if (this.settled) return this.settled;
    const out = new Map<string, Suppression>();
    // Primary: a sensitive 1 or 2.
    for (const [key, { count, sensitive }] of this.figures) if (sensitive && count > 0 && count < 3) out.set(key, 'primary');
    // Complementary: no sum may have exactly one hidden member, or the others give it away. Suppressing only grows,
    // so this ends.
    for (let changed = true; changed;) {
      changed = false;
      for (const { total, parts } of this.sums) {
        const members = [total, ...parts].filter((key) => this.figures.get(key)!.count > 0 || out.has(key));
        const hidden = members.filter((key) => out.has(key));
        if (hidden.length !== 1) continue;
        const next = hidden[0] !== total ? total : this.smallest(parts.filter((key) => !out.has(key)));
        if (next && this.figures.get(next)!.count > 0) {
          out.set(next, 'complementary');
          changed = true;
        }
      }
    }
    this.settled = out;
    return out;
  }

  /** The smallest non-zero count among `keys`, sensitive ones first (hiding a figure the viewer could see anyway costs less). */
  private smallest(keys: string[]): string | undefined {
    const candidates = keys.filter((key) => this.figures.get(key)!.count > 0);
    const rank = (key: string) => [this.figures.get(key)!.sensitive ? 0 : 1, this.figures.get(key)!.count] as const;
    return candidates.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1] || a.localeCompare(b))[0];
  }
}
