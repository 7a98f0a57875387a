import { describe, expect, it } from '@jest/globals';
import { maskPersonalNumbers, needsResultsOf } from './needs.js';
import type { Question, SurveyRecord } from './records.js';

const questions: Question[] = [
  {
    id: 'lift',
    kind: 'SCORE',
    text: 'The lifts?',
    required: true,
    options: [],
    theme: 'EQUIPMENT_AND_FACILITIES',
  },
  {
    id: 'guard',
    kind: 'SINGLE_CHOICE',
    text: 'Night patrols?',
    required: true,
    options: ['more', 'same'],
    theme: 'SECURITY_AND_TRAFFIC',
  },
  {
    id: 'ideas',
    kind: 'TEXT',
    text: 'Ideas?',
    required: false,
    options: [],
    theme: 'EQUIPMENT_AND_FACILITIES',
  },
  { id: 'misc', kind: 'TEXT', text: 'Else?', required: false, options: [] },
];
const answered = (answers: NonNullable<SurveyRecord['response']>['answers']) =>
  ({
    state: 'COMPLETED',
    response: { channel: 'RESIDENT', answers, score: null, recordedById: null, note: null, at: new Date() },
  }) as Pick<SurveyRecord, 'state' | 'response'>;

describe('needs survey results by theme', () => {
  it('groups questions by theme in their order, counts options, averages scores, keeps texts masked', () => {
    const results = needsResultsOf(questions, [
      answered([
        { questionId: 'lift', kind: 'SCORE', score: 2 },
        { questionId: 'guard', kind: 'SINGLE_CHOICE', choices: ['more'] },
        { questionId: 'ideas', kind: 'TEXT', text: 'Fix lift 3, my number is 13912345678' },
      ]),
      answered([
        { questionId: 'lift', kind: 'SCORE', score: 4 },
        { questionId: 'guard', kind: 'SINGLE_CHOICE', choices: ['more'] },
      ]),
      { state: 'EXPIRED', response: null },
    ]);
    expect(results.responses).toBe(2);
    expect(results.themes.map((t) => t.theme)).toEqual([
      'EQUIPMENT_AND_FACILITIES',
      'SECURITY_AND_TRAFFIC',
      'OTHER',
    ]);
    const [facilities, security, other] = results.themes;
    expect(facilities!.questions.map((q) => q.questionId)).toEqual(['lift', 'ideas']);
    expect(facilities!.questions[0]).toMatchObject({ answered: 2, averageScore: 3 });
    expect(facilities!.questions[1]!.texts).toEqual(['Fix lift 3, my number is •••']);
    expect(security!.questions[0]!.options).toEqual([
      { option: 'more', count: 2 },
      { option: 'same', count: 0 },
    ]);
    expect(other!.questions[0]).toMatchObject({ questionId: 'misc', answered: 0, texts: [] });
  });

  it('masks long numbers, keeps short ones', () => {
    expect(maskPersonalNumbers('Room 1203, phone 139-1234-5678')).toBe('Room 1203, phone •••');
  });
});
