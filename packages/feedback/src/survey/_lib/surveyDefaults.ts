/** The confidence of every survey interval when the caller gives none (95 %, as scipy's and statsmodels' defaults). */
export const DEFAULT_CONFIDENCE = 0.95;

/** Below this many accepted satisfaction answers an activity is flagged `smallSample` (Cochran's rule, Agresti 2013 §3.5). */
export const DEFAULT_MIN_RESPONSES = 30;
