import type { NeedsTheme, Question, SurveyRecord } from './records.js';

/** How often one option of a choice question was chosen. */
export interface OptionCount {
  option: string;
  count: number;
}

/** The answers to one question of a needs survey, without who gave them. */
export interface NeedsQuestionResult {
  questionId: string;
  text: string;
  kind: Question['kind'];
  /** Responses that answered it. */
  answered: number;
  /** Every option of a choice question with its count (zero included), in the question's order. */
  options: OptionCount[];
  /** The average of a score question's answers; null otherwise or unanswered. */
  averageScore: number | null;
  /** A text question's answers, personal numbers masked. */
  texts: string[];
}

export interface NeedsThemeResult {
  theme: NeedsTheme;
  questions: NeedsQuestionResult[];
}

export interface NeedsResults {
  /** Answered surveys counted. */
  responses: number;
  themes: NeedsThemeResult[];
}

/**
 * Free text is shown to the people drawing up next year's plan without its author; numbers of
 * six or more digits (phone, ID, room and account numbers a resident may type in) are masked so
 * the text does not point back at them either.
 */
export const maskPersonalNumbers = (text: string): string => text.replace(/\d[\d\s-]{4,}\d/g, '•••');

/**
 * A needs survey's answers grouped by theme for next year's plan: per theme (in the order the
 * themes first appear in the questions), each question's option counts, average score or texts.
 * Only answered surveys count; a question without a theme falls under OTHER.
 */
export function needsResultsOf(
  questions: readonly Question[],
  surveys: ReadonlyArray<Pick<SurveyRecord, 'state' | 'response'>>,
): NeedsResults {
  const answered = surveys.filter((s) => s.state === 'COMPLETED' && s.response);
  const results = questions.map((question): NeedsQuestionResult & { theme: NeedsTheme } => {
    const counts = new Map(question.options.map((option) => [option, 0]));
    const scores: number[] = [];
    const texts: string[] = [];
    let count = 0;
    for (const survey of answered) {
      const answer = survey.response!.answers.find((a) => a.questionId === question.id);
      if (!answer) continue;
      count += 1;
      if (answer.kind === 'SCORE') scores.push(answer.score);
      else if (answer.kind === 'TEXT') texts.push(maskPersonalNumbers(answer.text));
      else for (const choice of answer.choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
    }
    return {
      theme: question.theme ?? 'OTHER',
      questionId: question.id,
      text: question.text,
      kind: question.kind,
      answered: count,
      options: [...counts.entries()].map(([option, n]) => ({ option, count: n })),
      averageScore: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
      texts,
    };
  });
  const themes: NeedsThemeResult[] = [];
  for (const { theme, ...result } of results) {
    const group = themes.find((t) => t.theme === theme);
    if (group) group.questions.push(result);
    else themes.push({ theme, questions: [result] });
  }
  return { responses: answered.length, themes };
}
