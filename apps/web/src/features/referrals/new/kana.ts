// ふりがな: the api's rule (libs/domain/src/text/kana.ts, re-implemented: the web bundle imports no server code), so
// the form refuses what the api would, before sending. A test holds the two to the same answers.
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KATAKANA_TO_HIRAGANA = 0x60;
const NORMALISED_KANA = /^[\u3041-\u3096\u309d\u309eー]+( [\u3041-\u3096\u309d\u309eー]+)*$/u;

/** The stored form (NFKC, katakana to hiragana, single spaces), or null when it is not kana. */
export function normaliseKana(value: string): string | null {
  const folded = [...value.normalize('NFKC')]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : char;
    })
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return NORMALISED_KANA.test(folded) ? folded : null;
}
