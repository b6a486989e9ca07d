/**
 * Stands for `undefined` ("remove this field") in arguments, where `undefined` cannot be sent.
 * The same string as the Convex dashboard's, so either dashboard can patch through either backend.
 */
export const undefinedPlaceholder =
  '__CONVEX_PLACEHOLDER_undefined_I23atX0jcndVbFgXoQZffsih7eAqktCyFjgUuAeNBtfr3ySOljPSPSEOPFgprkdBO3zXNiGEJxmJ5ZFPc5C5qKesG80QRPvlJe8vgSxAt9feLTwxTg4PHfVwUaTEJU67FDwldWmTxp1guMPwxQ2jOuhEryTBf3mQ';
