// The characters the detector's runs are made of: CJK unified ideographs of
// the BMP and Extension A, the code units its word tries, confusion sets and
// character model hold. Narrower than engine/text.ts `isHan` on purpose:
// compatibility ideographs, 〇 and the supplementary planes end a run.

export function isRunChar(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
