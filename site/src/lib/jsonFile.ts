import fs from 'node:fs/promises';

/** A JSON file the build wrote earlier, or undefined when there is none. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as T) : undefined;
}
