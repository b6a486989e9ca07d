import { ConvexProvider, ConvexReactClient } from '@selfhost/client/react';
import type { ValidatorJSON } from '@selfhost/client/values';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { DocumentEditor } from './document-editor.tsx';

const documentType: ValidatorJSON = {
  type: 'object',
  value: { author: { fieldType: { type: 'string' }, optional: false }, likes: { fieldType: { type: 'number' }, optional: true } },
};

// The client never connects here: nothing is saved, only the editor's own checks run.
const client = new ConvexReactClient('http://127.0.0.1:9', { skipConvexDeploymentUrlCheck: true, logger: false });
afterEach(cleanup);

function renderEditor(document: Parameters<typeof DocumentEditor>[0]['document']) {
  render(
    <ConvexProvider client={client}>
      <DocumentEditor table="messages" documentType={documentType} document={document} onClose={() => {}} />
    </ConvexProvider>,
  );
}

describe('DocumentEditor', () => {
  test('shows schema problems inline while typing and only then allows saving', () => {
    renderEditor(null);
    const editor = screen.getByLabelText('Document');
    fireEvent.change(editor, { target: { value: '{ author: 1 }' } });
    expect(screen.getByLabelText('Problems').textContent).toContain('author Expected a string, got number 1');
    expect(screen.getByRole('button', { name: /^Add/ })).toHaveProperty('disabled', true);
    fireEvent.change(editor, { target: { value: '{ author: "ada", likes: 2, }' } });
    expect(screen.queryByLabelText('Problems')).toBeNull();
    expect(screen.getByRole('button', { name: /^Add/ })).toHaveProperty('disabled', false);
  });

  test('reports JSON5 syntax errors with their position', () => {
    renderEditor(null);
    fireEvent.change(screen.getByLabelText('Document'), { target: { value: '{ author: "ada" likes: 1 }' } });
    expect(screen.getByLabelText('Problems').textContent).toContain('Expected "," or "}" (line 1, column 17)');
  });

  test('edits a document without its system fields', () => {
    renderEditor({ _id: 'j57abc' as never, _creationTime: 1, author: 'ada', likes: 3 });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Document').value).toBe('{\n  author: "ada",\n  likes: 3,\n}');
    expect(screen.getByRole('heading').textContent).toBe('Edit j57abc');
  });
});
