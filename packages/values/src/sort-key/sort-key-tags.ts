/**
 * The tag bytes of the order-preserving binary sort key (the reference backend's layout, in the
 * style of the FoundationDB tuple layer). Tags are ordered like the types they stand for; Int64
 * tags also carry the payload width: 0x08 is zero, 0x07/0x06/0x05/0x04 are negative with 1/2/4/8
 * bytes, 0x09/0x0A/0x0B/0x0C positive with 1/2/4/8 bytes.
 *
 * @example
 * ```ts
 * encodeSortKey(null)[0] === SORT_KEY_TAG.null; // true
 * ```
 */
export const SORT_KEY_TAG = Object.freeze({
  /** Ends strings, bytes, arrays and objects. */
  terminator: 0x00,
  undefined: 0x01,
  null: 0x03,
  negativeInt64Bytes8: 0x04,
  negativeInt64Bytes4: 0x05,
  negativeInt64Bytes2: 0x06,
  negativeInt64Bytes1: 0x07,
  zeroInt64: 0x08,
  positiveInt64Bytes1: 0x09,
  positiveInt64Bytes2: 0x0a,
  positiveInt64Bytes4: 0x0b,
  positiveInt64Bytes8: 0x0c,
  float64: 0x0d,
  false: 0x0e,
  true: 0x0f,
  string: 0x10,
  bytes: 0x11,
  array: 0x12,
  object: 0x15,
  /** Follows a 0x00 content byte (so it is not read as a terminator), and an empty field name. */
  escape: 0xff,
});
