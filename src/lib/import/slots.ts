/** Numbers each (period, area) of a file in order of appearance, so the checks keep their state in flat arrays. */

/** Periods a file may hold per area index: the key of a (period, area) pair is period × this + area. */
export const AREA_SLOTS = 1 << 16;

/** (period, area) → slot, with the last pair remembered (consecutive figures usually share it). */
export class SlotIndex {
  count = 0;
  private slotOf = new Map<number, number>();
  private lastKey = -1;
  private lastSlot = -1;

  /** The slot of a period and area (their indices in the observation table), numbered on first sight. */
  slot(period: number, area: number): number {
    const key = period * AREA_SLOTS + area;
    if (key === this.lastKey) return this.lastSlot;
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.count++;
      this.slotOf.set(key, slot);
    }
    this.lastKey = key;
    this.lastSlot = slot;
    return slot;
  }
}
