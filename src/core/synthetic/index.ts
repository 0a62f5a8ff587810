export {
  type GeneratedCouncil,
  type GeneratedFile,
  type GenerationSummary,
  type GeneratorOptions,
  generateCouncil,
} from "./generate.js";
export { SYNTHETIC_LA, SYNTHETIC_SECTORS, type SyntheticSector } from "./geography.js";
export type { YearCounts } from "./write.js";
