/**
 * A failure's text with its addresses as links: a build stopped by a document names the
 * document's page in the admin, where the organiser fixes it.
 */
export function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s()]+)/).map((part, index) =>
        index % 2 ? (
          // The parts of one fixed string: the index is key enough.
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
