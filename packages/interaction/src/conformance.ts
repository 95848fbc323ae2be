/**
 * \@ops/interaction/conformance — the conformance kit: {@link runAdapterConformance} runs an
 * adapter (ours or yours) against recorded platform fixtures and hostile mutations of them.
 * For adapter authors' test suites; see docs/adapter-guide.md.
 *
 * @module conformance
 */
export { runAdapterConformance } from "./conformance/runAdapterConformance";
export type {
  AdapterFixture,
  ConformanceCheck,
  ConformanceReport,
  FixtureExpectation,
  SignatureScheme,
} from "./conformance/runAdapterConformance";
