import type {
  AwardMismatchCode,
  BeaconFailureCode,
  DrawMismatchCode,
  EntryFailureCode,
  InclusionFailureCode,
  QuizMismatchCode,
} from "@ops/raffle";

/** One sentence in both languages of the verification report: English and (simplified) Chinese. */
export interface ReportText {
  readonly en: string;
  readonly zh: string;
}

/** The languages a report is written in. */
export type ReportLanguage = keyof ReportText;

/**
 * Every failure code of verifyDraw, verifyEntry, verifyInclusion and verifyBeacon: each has a
 * sentence in {@link REPORT_MESSAGES} under its own name. The codes of verifyQuiz and
 * verifyAward that they share with verifyDraw (spec hash, randomness, seed, published
 * hashes) use the same sentence; the others have their own, under `quiz.<code>` and
 * `award.<code>`.
 */
export type VerifierFailureCode = DrawMismatchCode | EntryFailureCode | InclusionFailureCode | BeaconFailureCode;

/** The failure codes the contest verifiers share with verifyDraw (one sentence serves both). */
type SharedCode = "spec_hash" | "expected_spec_hash" | "expected_list_root" | "untrusted_chain" | "randomness" | "seed";

const t = (en: string, zh: string): ReportText => ({ en, zh });

/** Plain-language sentences for every failure code of verifyDraw, verifyEntry, verifyInclusion and verifyBeacon. */
const PROBLEMS = {
  // verifyDraw
  spec_hash: t(
    "The spec hash does not match the campaign rules in the certificate: the rules were changed after they were hashed.",
    "证书中的活动规则与规则哈希不符：规则在计算哈希之后被改动过。",
  ),
  expected_spec_hash: t(
    "The campaign rules are not the ones published before entries closed: the spec hash differs from the published one.",
    "活动规则不是报名截止前公布的那一份：规则哈希与公布的不同。",
  ),
  untrusted_chain: t(
    "The randomness comes from a drand chain this verifier does not trust (only drand's quicknet is pinned): whoever runs that chain could know the result in advance.",
    "随机数来自本验证工具不信任的 drand 链（只固定信任 drand 的 quicknet）：运行该链的人可能提前知道结果。",
  ),
  expected_list_root: t(
    "The list is not the one whose fingerprint was published when entries closed: the list root differs from the published one.",
    "名单不是报名截止时公布指纹的那一份：名单根与公布的不同。",
  ),
  randomness: t(
    "The randomness is not valid: the drand beacon's signature, chain or round, or the revealed secret, does not match what the rules fixed in advance.",
    "随机数无效：drand 信标的签名、链或轮次，或公开的秘密值，与规则事先确定的不符。",
  ),
  seed: t(
    "The seed does not follow from the rules, the list and the randomness.",
    "种子不是由规则、名单和随机数推导出来的。",
  ),
  list_root: t(
    "The list you gave is not the list the draw was run on (its fingerprint, the Merkle root, differs).",
    "你提供的名单不是抽奖所用的名单（名单指纹即默克尔根不同）。",
  ),
  list_privacy: t(
    "The certificate's list privacy mode differs from the one the rules state.",
    "证书中名单的隐私模式与规则规定的不一致。",
  ),
  list_size: t(
    "The list you gave has a different number of entrants than the certificate states.",
    "你提供的名单人数与证书所写的不一致。",
  ),
  total_weight: t(
    "The list you gave has a different total number of chances than the certificate states.",
    "你提供的名单的总抽奖机会数与证书所写的不一致。",
  ),
  score: t(
    "A winner's or alternate's score (or weight) is not what the seed, their id and weight give.",
    "某位中奖者或候补的分数（或权重）与由种子、ID 和权重算出的不一致。",
  ),
  ranking: t(
    "Winners and alternates are not in rank order (lowest score first, ranks 1, 2, 3 … without gaps).",
    "中奖者和候补没有按名次排列（分数最低者在前，名次 1、2、3……不间断）。",
  ),
  tiers: t("The winners do not fill the prize tiers the way the rules say.", "中奖者没有按规则规定的方式填满各奖项。"),
  winners: t(
    "Re-running the draw over the list gives other winners: someone who should have won was left out or replaced.",
    "用名单重新抽奖得到的中奖者不同：应该中奖的人被遗漏或替换了。",
  ),
  alternates: t(
    "Re-running the draw over the list gives other alternates, or the alternates are out of order.",
    "用名单重新抽奖得到的候补不同，或候补顺序不对。",
  ),
  cutoffs: t("The cutoff scores are not the worst winning score of each tier.", "分数线不是各奖项中最差的中奖分数。"),
  reroll: t(
    "The rerolls (replaced winners) are not consistent: each replacement must take the first unused alternate, in order.",
    "补抽记录（被替换的中奖者）不一致：每次替换都必须按顺序使用第一个未用的候补。",
  ),
  // verifyEntry
  not_in_list: t(
    "Your entry is not in the list the draw was run on: your receipt's proof does not lead to the certificate's list fingerprint.",
    "你的参与记录不在抽奖所用的名单中：凭证里的证明无法推导出证书中的名单指纹。",
  ),
  pseudonym_mismatch: t(
    "The pseudonym in your receipt is not the one your id and entrant key give: the receipt is not yours, or was altered.",
    "凭证中的化名与你的 ID 和参与者密钥算出的不一致：该凭证不是你的，或已被改动。",
  ),
  score_mismatch: t(
    "The certificate lists you with another score or weight than your receipt gives.",
    "证书中你的分数或权重与你的凭证算出的不一致。",
  ),
  omitted: t(
    "Your score should have placed you among the winners or alternates, but the certificate leaves you out.",
    "按你的分数，你本应在中奖者或候补之中，但证书中没有你。",
  ),
  // verifyInclusion
  malformed_proof: t("The inclusion proof in the receipt is malformed.", "凭证中的包含证明格式错误。"),
  index_out_of_range: t("The inclusion proof points outside the list.", "包含证明指向名单之外的位置。"),
  path_length: t(
    "The inclusion proof has the wrong number of hashes for the list's size.",
    "包含证明中的哈希数量与名单大小不符。",
  ),
  root_mismatch: t(
    "The inclusion proof does not lead to the list's fingerprint (Merkle root).",
    "包含证明无法推导出名单指纹（默克尔根）。",
  ),
  // verifyBeacon
  wrong_chain: t("The drand beacon is from another chain than the rules name.", "drand 信标来自规则指定之外的链。"),
  malformed_signature: t("The drand beacon's signature is malformed.", "drand 信标的签名格式错误。"),
  bad_signature: t(
    "The drand beacon's signature is not valid for its round: it was not published by drand.",
    "drand 信标的签名对该轮次无效：它不是 drand 发布的。",
  ),
  bad_randomness: t(
    "The drand beacon's randomness is not the hash of its signature.",
    "drand 信标的随机数不是其签名的哈希。",
  ),
} as const satisfies Record<VerifierFailureCode, ReportText>;

/** Sentences for the failure codes of verifyQuiz that are not verifyDraw's. */
const QUIZ_PROBLEMS = {
  "quiz.answer_key": t(
    "The revealed answer key is not the one committed to in the rules before the quiz opened.",
    "公开的答案与规则在答题开始前承诺的答案不符。",
  ),
  "quiz.counts": t(
    "The submission counts do not add up (counted + late + resubmissions must be the list size).",
    "答题记录数量对不上（有效 + 迟交 + 重复提交必须等于名单大小）。",
  ),
  "quiz.places": t(
    "The places are not right: wrong number, ranks out of sequence, or an entrant listed twice.",
    "名次不对：数量错误、名次不连续，或同一参与者出现两次。",
  ),
  "quiz.inclusion": t(
    "A listed submission is not in the published list of submissions (its inclusion proof fails).",
    "某条上榜的答题记录不在公布的答题名单中（包含证明不成立）。",
  ),
  "quiz.received_at": t(
    "A listed submission arrived after the quiz closed.",
    "某条上榜的答题记录是在答题截止后收到的。",
  ),
  "quiz.correct": t(
    "A place's number of correct answers is not what its answers and the answer key give.",
    "某个名次的答对题数与其答案和标准答案算出的不一致。",
  ),
  "quiz.tiebreak": t(
    "A tie-break value does not follow from the seed and the entrant's id.",
    "某个并列决胜值不是由种子和参与者 ID 算出的。",
  ),
  "quiz.ranking": t(
    "The places are not in order: most correct first, then earliest, then the seeded tie-break.",
    "名次顺序不对：应先按答对题数从多到少，再按提交时间从早到晚，再按随机决胜值。",
  ),
  "quiz.inputs": t(
    "The submissions you gave break the quiz's rules under this certificate (for example an entrant with two submissions at the same instant).",
    "你提供的答题记录不符合本证书下的答题规则（例如同一参与者在同一时刻有两条提交）。",
  ),
  "quiz.list_root": t(
    "The submissions you gave are not the ones the quiz was ranked on (their fingerprint differs).",
    "你提供的答题记录不是排名所用的那一份（指纹不同）。",
  ),
  "quiz.list_size": t(
    "The submissions you gave are a different number than the certificate states.",
    "你提供的答题记录数量与证书所写的不一致。",
  ),
  "quiz.rerun": t(
    "Re-ranking the submissions gives other places: someone who did better was left out or replaced.",
    "用答题记录重新排名得到的名次不同：成绩更好的人被遗漏或替换了。",
  ),
} as const satisfies Record<`quiz.${Exclude<QuizMismatchCode, SharedCode>}`, ReportText>;

/** Sentences for the failure codes of verifyAward that are not verifyDraw's. */
const AWARD_PROBLEMS = {
  "award.rubric_hash": t(
    "The revealed rubric is not the one whose hash the rules fixed before judging.",
    "公开的评分标准与规则在评审前确定的哈希不符。",
  ),
  "award.places": t(
    "The places are not right: wrong number, ranks out of sequence, or an entry listed twice.",
    "名次不对：数量错误、名次不连续，或同一作品出现两次。",
  ),
  "award.inclusion": t(
    "A listed score sheet is not in the published list of score sheets (its inclusion proof fails).",
    "某份上榜的评分表不在公布的评分表名单中（包含证明不成立）。",
  ),
  "award.scores": t(
    "A score sheet is incomplete or out of range: every judge must score every criterion once, within its maximum.",
    "某份评分表不完整或超出范围：每位评委必须对每项标准各打一次分，且不超过上限。",
  ),
  "award.total": t(
    "A total is not the sum of each score times its criterion's weight.",
    "某个总分不等于各项得分乘以该项权重之和。",
  ),
  "award.tiebreak": t(
    "A tie-break value does not follow from the seed and the entry's id.",
    "某个并列决胜值不是由种子和作品 ID 算出的。",
  ),
  "award.ranking": t(
    "The places are not in order: highest total first, then the seeded tie-break.",
    "名次顺序不对：应按总分从高到低，再按随机决胜值。",
  ),
  "award.inputs": t(
    "The entries and scores you gave do not fit this certificate's rubric and judges (an unknown judge or criterion, a score out of range, a missing or repeated score).",
    "你提供的作品和评分与本证书的评分标准和评委不符（未知的评委或标准、分数超出范围、缺少或重复的评分）。",
  ),
  "award.list_root": t(
    "The entries and scores you gave are not the ones the award was ranked on (their fingerprint differs).",
    "你提供的作品和评分不是排名所用的那一份（指纹不同）。",
  ),
  "award.list_size": t(
    "The entries you gave are a different number than the certificate states.",
    "你提供的作品数量与证书所写的不一致。",
  ),
  "award.rerun": t(
    "Re-ranking the entries and scores gives other places: a better-scored entry was left out or replaced.",
    "用作品和评分重新排名得到的名次不同：得分更高的作品被遗漏或替换了。",
  ),
} as const satisfies Record<`award.${Exclude<AwardMismatchCode, SharedCode>}`, ReportText>;

/** What the report says it checked, could not check, or could not read. */
const LINES = {
  "problem.other": t(
    "The verifier found a problem ({code}): see the detail.",
    "验证程序发现了一个问题（{code}）：详见说明。",
  ),
  "verdict.verified": t("VERIFIED", "验证通过"),
  "verdict.refused": t("REFUSED: this certificate does not hold up", "验证未通过：此证书不成立"),
  "verdict.unreadable": t("UNREADABLE: the input could not be read", "无法读取：输入无法解析"),
  "kind.draw": t("lucky draw {campaign}", "抽奖 {campaign}"),
  "kind.entry": t("your entry in the lucky draw {campaign}", "你在抽奖 {campaign} 中的参与记录"),
  "kind.quiz": t("quiz {campaign}", "答题 {campaign}"),
  "kind.award": t("judged award {campaign}", "评审奖 {campaign}"),
  "kind.unknown": t("certificate", "证书"),
  "heading.checked": t("Checked", "已检查"),
  "heading.notChecked": t("Not checked", "未检查"),
  "heading.problems": t("Problems", "问题"),
  "checked.spec_hash": t(
    "The campaign rules in the certificate match its spec hash {specHash}.",
    "证书中的活动规则与其规则哈希 {specHash} 一致。",
  ),
  "checked.spec_published": t(
    "The rules are the ones published before entries closed (spec hash {specHash}).",
    "规则就是报名截止前公布的那一份（规则哈希 {specHash}）。",
  ),
  "checked.list_root_published": t(
    "The list is the one whose fingerprint was published ({listRoot}).",
    "名单就是事先公布了指纹（{listRoot}）的那一份。",
  ),
  "checked.randomness_drand": t(
    "The randomness is drand round {round}, fixed by the rules before entries closed; its BLS signature verifies under the drand chain's pinned public key, so nobody could know it in advance.",
    "随机数来自规则在报名截止前就确定的 drand 第 {round} 轮；其 BLS 签名在 drand 链固定的公钥下验证通过，因此任何人都无法提前知道。",
  ),
  "checked.randomness_drand_trusted": t(
    "The randomness is drand round {round}, fixed by the rules before entries closed; its BLS signature verifies under the public key of a drand chain you chose to trust (not drand's quicknet).",
    "随机数来自规则在报名截止前就确定的 drand 第 {round} 轮；其 BLS 签名在你选择信任的 drand 链（不是 drand 的 quicknet）的公钥下验证通过。",
  ),
  "checked.randomness_commit": t(
    "The randomness is a secret the organiser committed to in the rules; the revealed secret opens that commitment.",
    "随机数是主办方在规则中承诺过的秘密值；公开的秘密值与该承诺相符。",
  ),
  "checked.seed": t(
    "The seed follows from the rules, the list fingerprint and the randomness.",
    "种子由规则、名单指纹和随机数推导而来。",
  ),
  "checked.scores": t(
    "Every listed winner's and alternate's score follows from the seed, their id and their weight.",
    "证书中每位中奖者和候补的分数都由种子、其 ID 和权重算出。",
  ),
  "checked.order": t(
    "Winners and alternates are in rank order and fill the prize tiers as the rules say; the cutoffs are right.",
    "中奖者和候补按名次排列，并按规则填满各奖项；分数线正确。",
  ),
  "checked.rerolls": t(
    "Each replaced winner was replaced by the first unused alternate, in order.",
    "每位被替换的中奖者都按顺序由第一个未用的候补替补。",
  ),
  "checked.list": t(
    "The list you gave is the one the draw was run on: same fingerprint (Merkle root), {size} entrants, {totalWeight} chances in all.",
    "你提供的名单正是抽奖所用的名单：指纹（默克尔根）相同，共 {size} 人，总计 {totalWeight} 次机会。",
  ),
  "checked.full_rerun": t(
    "Re-running the draw over the whole list gives the same winners and alternates: nobody with a better score was left out.",
    "用整份名单重新抽奖，得到相同的中奖者和候补：没有分数更好的人被遗漏。",
  ),
  "checked.entry_included": t(
    "Your entry (with {weight} chance(s)) is in the list the draw was run on.",
    "你的参与记录（{weight} 次机会）在抽奖所用的名单中。",
  ),
  "checked.entry_score": t("Your score in this draw is {score}.", "你在本次抽奖中的分数是 {score}。"),
  "checked.entry_winner": t("You won: prize tier {tier}, rank {rank}.", "你中奖了：奖项 {tier}，名次 {rank}。"),
  "checked.entry_alternate": t("You are an alternate (runner-up), rank {rank}.", "你是候补，名次 {rank}。"),
  "checked.entry_rerolled_out": t(
    "You were drawn (rank {rank}) but replaced; the stated reason: {reason}",
    "你曾被抽中（名次 {rank}）但被替换；给出的理由：{reason}",
  ),
  "checked.entry_not_selected": t(
    "You were not selected: your score is worse than every ranked entrant's.",
    "你未被抽中：你的分数比所有上榜者都差。",
  ),
  "checked.quiz_answer_key": t(
    "The revealed answer key is the one committed to in the rules before the quiz opened.",
    "公开的标准答案就是规则在答题开始前承诺的那一份。",
  ),
  "checked.quiz_places": t(
    "Each of the {places} places: its submission is in the published list of submissions, arrived before the close, its correct answers count against the answer key, and the places are in order (most correct, then earliest, then the seeded tie-break).",
    "全部 {places} 个名次：其答题记录都在公布的答题名单中、在截止前收到、答对题数与标准答案相符，且名次顺序正确（先比答对题数，再比提交时间，再比随机决胜值）。",
  ),
  "checked.quiz_rerun": t(
    "Re-ranking all {size} submissions gives the same places: nobody who did better was left out, and each place is the entrant's first submission.",
    "用全部 {size} 条答题记录重新排名，得到相同的名次：没有成绩更好的人被遗漏，且每个名次都是参与者的首次提交。",
  ),
  "checked.award_rubric": t(
    "The revealed rubric is the one whose hash the rules fixed before judging.",
    "公开的评分标准就是规则在评审前确定哈希的那一份。",
  ),
  "checked.award_places": t(
    "Each of the {places} places: its whole score sheet (every judge × every criterion, within range) is in the published list of score sheets, its total is the sum of score × weight, and the places are in order (highest total, then the seeded tie-break).",
    "全部 {places} 个名次：其完整评分表（每位评委 × 每项标准，均在范围内）都在公布的评分表名单中，总分等于各项得分乘以权重之和，且名次顺序正确（先比总分，再比随机决胜值）。",
  ),
  "checked.award_rerun": t(
    "Re-ranking all {size} entries and their scores gives the same places: no better-scored entry was left out.",
    "用全部 {size} 件作品及其评分重新排名，得到相同的名次：没有得分更高的作品被遗漏。",
  ),
  "not_checked.quiz_submissions": t(
    "Without the published submissions: that nobody who did better was left out ({size} submissions). Run again with the submissions to check this.",
    "未提供公布的答题记录：无法检查是否有成绩更好的人被遗漏（共 {size} 条）。提供答题记录后再运行即可检查。",
  ),
  "not_checked.quiz_received": t(
    "That the receive times are the platform's real ones: they come from the organiser's export of the platform's data.",
    "提交时间是否为平台的真实记录：这些时间来自主办方导出的平台数据。",
  ),
  "not_checked.award_inputs": t(
    "Without the published entries and scores: that no better-scored entry was left out ({size} entries). Run again with them to check this.",
    "未提供公布的作品和评分：无法检查是否有得分更高的作品被遗漏（共 {size} 件）。提供后再运行即可检查。",
  ),
  "not_checked.award_judging": t(
    "Whether the judges scored fairly: the certificate proves only that the published scores were added up and ranked as stated.",
    "评委打分是否公正：证书只能证明公布的评分是按所述方式相加和排名的。",
  ),
  "not_checked.list": t(
    "Without the published list: that nobody with a better score was left out, and the list's size ({size}) and total chances ({totalWeight}). Run again with the list to check this.",
    "未提供公布的名单：无法检查是否有分数更好的人被遗漏，也无法核对名单人数（{size}）和总机会数（{totalWeight}）。提供名单后再运行即可检查。",
  ),
  "not_checked.spec_published": t(
    "That these rules are the ones published before entries closed: compare the spec hash {specHash} with the one the organiser published (--spec-hash).",
    "这些规则是否就是报名截止前公布的那一份：请将规则哈希 {specHash} 与主办方事先公布的哈希比较（--spec-hash）。",
  ),
  "not_checked.list_root_published": t(
    "That the list is the one whose fingerprint was published when entries closed: compare {listRoot} with the published list root (--list-root).",
    "名单是否就是报名截止时公布指纹的那一份：请将 {listRoot} 与公布的名单根比较（--list-root）。",
  ),
  "not_checked.commit_trust": t(
    "That the organiser did not steer the result: with a committed secret instead of a drand beacon, the organiser knew the randomness before the list was fixed and could have shaped the list to suit it.",
    "主办方是否操纵了结果：使用承诺的秘密值而不是 drand 信标时，主办方在名单确定之前就知道随机数，可能据此调整名单。",
  ),
  "not_checked.eligibility": t(
    "Whether each entrant met the entry rules and has the right number of chances: that was decided when the list was built.",
    "每位参与者是否符合参与规则、机会数是否正确：这在编制名单时已经决定，无法从证书检查。",
  ),
  "not_checked.pseudonyms": t(
    "Who is behind each pseudonym: only auditors with the audit key, and each entrant with their own receipt, can tell.",
    "每个化名背后是谁：只有持有审计密钥的审计员，以及持有自己凭证的参与者本人能够得知。",
  ),
  "unreadable.file": t("The {what} file {file} could not be read.", "无法读取{what}文件 {file}。"),
  "unreadable.json": t("The {what} file {file} is not valid JSON.", "{what}文件 {file} 不是有效的 JSON。"),
  "unreadable.not_object": t("The certificate is not a JSON object.", "证书不是 JSON 对象。"),
  "unreadable.type": t(
    "The certificate's type {type} is not one this release verifies (draw, quiz, award).",
    "证书类型 {type} 不是本版本能验证的类型（抽奖、答题、评审奖）。",
  ),
  "unreadable.version": t(
    "The certificate's format is one this release cannot read; use a newer verifier.",
    "本版本无法读取此证书格式；请使用更新的验证工具。",
  ),
  "unreadable.input": t("Malformed {what}: {rule}.", "{what}格式错误：{rule}。"),
  "unreadable.missing": t("A {what} is needed for this check.", "此项检查需要{what}。"),
  "unreadable.unused": t(
    "A {what} was given, but a {kind} certificate is not checked with one: nothing was verified (give the inputs of its own kind).",
    "提供了{what}，但{kind}证书不用它来验证：未进行任何验证（请提供该类证书对应的材料）。",
  ),
  "type.draw": t("draw", "抽奖"),
  "type.quiz": t("quiz", "答题"),
  "type.award": t("award", "评审奖"),
  "what.certificate": t("certificate", "证书"),
  "what.list": t("list", "名单"),
  "what.receipt": t("receipt", "凭证"),
  "what.submissions": t("submissions", "答题记录"),
  "what.inputs": t("judging inputs", "评审材料"),
  "what.input": t("input", "输入"),
  "what.chain": t("drand chain", "drand 链"),
} as const satisfies Record<string, ReportText>;

/**
 * The verification report's sentences, in English and Chinese, by key: `verdict.*`,
 * `checked.*`, `not_checked.*`, `unreadable.*`, and every failure code of the raffle
 * verifiers — verifyDraw, verifyEntry, verifyInclusion, verifyBeacon by code, verifyQuiz and
 * verifyAward by `quiz.<code>` / `award.<code>` where the sentence differs (the types make
 * a missing code a compile error). `{name}` marks a value that
 * {@link verificationReport} fills in. The CLI prints one language; the verification page
 * shows both.
 *
 * @example
 * ```ts
 * import { REPORT_MESSAGES } from "@ops/cli";
 * REPORT_MESSAGES.omitted.zh;
 * // => "按你的分数，你本应在中奖者或候补之中，但证书中没有你。"
 * ```
 */
export const REPORT_MESSAGES = {
  ...PROBLEMS,
  ...QUIZ_PROBLEMS,
  ...AWARD_PROBLEMS,
  ...LINES,
} as const satisfies Readonly<Record<string, ReportText>>;

/** A key of {@link REPORT_MESSAGES}. */
export type ReportMessageKey = keyof typeof REPORT_MESSAGES;
