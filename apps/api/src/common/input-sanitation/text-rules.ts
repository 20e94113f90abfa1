// What any text given to the API must be, whatever the field (docs/API.md, "Bad input"). Pure: unit-tested.
// PostgreSQL cannot store U+0000 in text or jsonb, and node-postgres silently turns a lone UTF-16 surrogate into U+FFFD;
// a value that shows nothing (spaces, zero-width characters) is a paste accident that would look blank yet not be.

/** The first thing wrong with a text: what, and where (a UTF-16 index into the text). */
export interface TextFault {
  message: string;
  index: number;
}

// C0 controls except tab, line feed and carriage return, which people do paste from spreadsheets and mail.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// What shows nothing: white space (U+3000 too), controls, and the default-ignorable characters (zero-width space and
// joiners U+200B..U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen, Hangul fillers, variation selectors, bidi
// and tag characters), plus the blank Braille pattern. Private-use characters (外字) are visible and stay.
const INVISIBLE = /[\s\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu;

const codePoint = (text: string, index: number) => `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether the text has at least one character that shows. */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/**
 * The first fault of a text, or null when it is fine: a control character, a lone surrogate, or (for a non-empty text)
 * no visible character. The empty text is fine here: each field says what empty means (none, or required).
 */
export function textFault(text: string): TextFault | null {
  const control = CONTROL.exec(text);
  if (control) {
    return {
      index: control.index,
      message: `contains the control character ${codePoint(text, control.index)}: only tab and line breaks are allowed`,
    };
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    return {
      index: surrogate.index,
      message: `contains a broken character (the lone UTF-16 surrogate ${codePoint(text, surrogate.index)}): send well-formed Unicode text`,
    };
  }
  if (text !== '' && !hasVisibleCharacter(text)) {
    return { index: 0, message: 'has no visible character, only spaces or invisible ones (an optional field is left empty with null or "")' };
  }
  return null;
}
