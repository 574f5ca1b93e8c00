// A body that is the first of its page to need Markdown (a stored copy, a live comment, an edit)
// asks for the format chunk itself: nothing else has to have loaded it.
import { render } from 'preact';
import { expect, it, vi } from 'vitest';

it('a Markdown body drawn before the format chunk loads it, then shows it formatted', async () => {
  vi.resetModules();
  const { CommentBody } = await import('../components/CommentBody.tsx');
  const { formatter } = await import('./formatter.ts');
  expect(formatter.value).toBeNull();
  const host = document.createElement('div');
  const show = () => {
    render(<CommentBody text="**bold** words" />, host);
    return host.querySelector<HTMLElement>('.tl-body')!;
  };
  expect(show().innerHTML).toBe('<p>**bold** words</p>');
  await vi.waitFor(() => expect(show().innerHTML).toBe('<p><strong>bold</strong> words</p>'));
});
