// Shared builders for the survey tests (not a test file itself).
import { compileQuestionnaire, type QuestionnaireInput } from "@ops/feedback";

export const T0 = 1_772_933_400_000; // 2026-03-08T01:30:00Z

/** A post-talk survey with every question kind (a parenting talk in a mother-and-baby group). */
export const talkSurvey: QuestionnaireInput = {
  id: "talk-feedback",
  version: 2,
  activityId: "ev_2026_03_talk_sleep",
  title: "育儿讲座反馈",
  questions: [
    { id: "sat", kind: "csat", text: "您对本次讲座满意吗？" },
    { id: "nps", kind: "nps", text: "您会向其他妈妈推荐我们的讲座吗？" },
    {
      id: "useful",
      kind: "likert",
      text: "内容对我有用",
      scale: { min: 1, max: 5 },
      labels: ["非常不同意", "不同意", "一般", "同意", "非常同意"],
    },
    { id: "hard", kind: "likert", text: "内容太专业，听不懂", scale: { min: 1, max: 7 }, reverse: true },
    {
      id: "topic",
      kind: "single_choice",
      text: "下次最想听什么？",
      options: [
        { id: "sleep", label: "睡眠" },
        { id: "food", label: "辅食" },
        { id: "play", label: "早教游戏" },
      ],
    },
    {
      id: "channels",
      kind: "multiple_choice",
      text: "您从哪里知道这次讲座？",
      options: [
        { id: "group", label: "微信群" },
        { id: "oa", label: "公众号" },
        { id: "friend", label: "朋友" },
      ],
      maxSelections: 2,
      required: false,
    },
    { id: "wish", kind: "free_text", text: "还想了解什么？", maxLength: 20, required: false },
  ],
};

export const compiledTalk = () => compileQuestionnaire(talkSurvey);

/** A response to {@link talkSurvey}. */
export const response = (id: string, respondent: string, at: number, answers: Record<string, unknown>) => ({
  id,
  questionnaireId: "talk-feedback",
  version: 2,
  respondent,
  at,
  answers,
});

/** A complete valid answer set; override single answers. */
export const fullAnswers = (over: Record<string, unknown> = {}) => ({
  sat: 5,
  nps: 9,
  useful: 4,
  hard: 2,
  topic: "food",
  channels: ["group"],
  wish: "辅食过敏怎么办",
  ...over,
});
