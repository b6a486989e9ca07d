import { describe, expect, test } from 'vitest';
import { checkDocumentFieldName, documentFieldNameProblem } from './document-field-name.ts';

describe('documentFieldNameProblem', () => {
  test('allows only _id and _creationTime among _-prefixed top-level fields', () => {
    expect(documentFieldNameProblem('_id')).toBeUndefined();
    expect(documentFieldNameProblem('_creationTime')).toBeUndefined();
    expect(documentFieldNameProblem('name')).toBeUndefined();
    expect(documentFieldNameProblem('_rank')).toContain(
      "starts with '_', which is reserved for system fields",
    );
    expect(documentFieldNameProblem('$x')).toContain("starts with '$'");
  });

  test('checkDocumentFieldName throws with the field and the rule', () => {
    expect(() => checkDocumentFieldName('_score')).toThrow(
      /Field name "_score" at \._score starts with '_'/,
    );
  });
});
