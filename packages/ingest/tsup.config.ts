// The shared build of every @ops package (see tsup.shared.ts at the repository root).
export { default } from "../../tsup.shared";
