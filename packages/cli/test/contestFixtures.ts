import { answerKeyCommitment, commitSeed, rubricHash, runAward, runQuiz } from "@ops/raffle";

const SECRET = "07".repeat(32);
/** A two-question quiz (Q2 accepts "28" or "二十八") and four submissions. */
const answerKey = { salt: "5a".repeat(32), key: { q1: "b", q2: ["28", "二十八"] } };
const quizSpec = {
  format: "ops-raffle/v1.1",
  type: "quiz",
  campaignId: "riddles",
  places: 2,
  closeAt: 5000,
  answerKeyCommitment: answerKeyCommitment(answerKey),
  randomness: { kind: "commit", commitment: commitSeed(SECRET) },
} as const;
export const submissions = [
  { id: "weibo::1", answers: { q1: "B", q2: "28" }, receivedAt: 2000 },
  { id: "weibo::2", answers: { q1: "b", q2: "二十八" }, receivedAt: 1000 },
  { id: "weibo::3", answers: { q1: "a", q2: "28" }, receivedAt: 500 },
  { id: "weibo::4", answers: { q1: "b", q2: "27" }, receivedAt: 800 },
];
export const quiz = () => runQuiz(quizSpec, answerKey, submissions, { secret: SECRET });

/** A judged award: two judges, two weighted criteria, three entries. */
const rubric = {
  version: "1",
  criteria: [
    { id: "story", weight: 2, max: 10 },
    { id: "photo", weight: 1, max: 5 },
  ],
};
const awardSpec = {
  format: "ops-raffle/v1.1",
  type: "award",
  campaignId: "trip-story",
  rubricHash: rubricHash(rubric),
  judges: ["j1", "j2"],
  places: 2,
  closeAt: 5000,
  randomness: { kind: "commit", commitment: commitSeed(SECRET) },
} as const;
export const awardInputs = {
  entries: ["post-A", "post-B", "post-C"],
  scores: ["post-A", "post-B", "post-C"].flatMap((entry, e) =>
    ["j1", "j2"].flatMap((judge, j) => [
      { judge, entry, criterion: "story", score: 5 + e + j },
      { judge, entry, criterion: "photo", score: 3 - e + j },
    ]),
  ),
};
export const award = () => runAward(awardSpec, rubric, awardInputs, { secret: SECRET });
