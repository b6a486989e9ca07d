import { useConvexConnectionState, useMutation, useQuery } from '@selfhost/client/react';
import { ConvexError } from '@selfhost/client/values';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../convex/_generated/api';

/** The chat: everyone's messages, live, and a form to post as `name`. */
export function App(): ReactNode {
  const [name, setName] = useState(() => `Guest ${Math.floor(Math.random() * 1000)}`);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const messages = useQuery(api.messages.list);
  const connected = useConvexConnectionState().isWebSocketConnected;
  // Shown at once, marked pending (no `_id` yet) until the server's version replaces it.
  const send = useMutation(api.messages.send).withOptimisticUpdate((store, { author, body }) => {
    const current = store.getQuery(api.messages.list, {});
    if (current === undefined) return;
    const pending = { _id: '', _creationTime: Date.now(), author, body: body.trim() };
    store.setQuery(api.messages.list, {}, [...current, pending as (typeof current)[number]]);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDraft('');
    send({ author: name, body: draft }).catch((thrown: unknown) => {
      setError(thrown instanceof ConvexError ? String(thrown.data) : 'Could not send the message.');
      setDraft(draft);
    });
  };

  return (
    <main>
      <header>
        <h1>selfhost chat</h1>
        <span className="status">{connected ? 'connected' : 'connecting…'}</span>
      </header>
      <ol aria-label="Messages">
        {messages === undefined ? (
          <li>Loading…</li>
        ) : (
          messages.map((message, index) => (
            <li
              key={message._id === '' ? `pending-${index}` : message._id}
              className={[
                message.author === name ? 'mine' : '',
                message._id === '' ? 'pending' : '',
              ]
                .join(' ')
                .trim()}
            >
              <span className="author">{message.author}</span>
              {message.body}
            </li>
          ))
        )}
      </ol>
      {error === null ? null : <p role="alert">{error}</p>}
      <form onSubmit={onSubmit}>
        <input
          name="author"
          aria-label="Your name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <input
          name="body"
          aria-label="Message"
          placeholder="Write a message"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
