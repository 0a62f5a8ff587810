/** Options several commands share (node:util parseArgs form). */
export const yearOption = { year: { type: "string" } } as const;

export const minimiseOptions = {
  "dob-month": { type: "boolean" },
  "postcode-sector": { type: "boolean" },
  pseudonymise: { type: "boolean" },
} as const;
