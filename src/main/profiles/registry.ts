import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The profile that holds the ledger from before profiles existed, in the files it always had. */
export const DEFAULT_PROFILE_ID = 'default';
export const DEFAULT_PROFILE_NAME = 'Personal';

const FILE = 'profiles.json';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().min(1),
  createdAt: z.string(),
});
const fileSchema = z.object({
  currentId: z.string(),
  profiles: z.array(entrySchema).min(1),
});

export type ProfileEntry = z.infer<typeof entrySchema>;
export type ProfileRegistryData = z.infer<typeof fileSchema>;

/**
 * Which profiles exist and which one is open, in a small JSON file beside the default profile's
 * databases. Without the file (every data folder from before profiles) there is one profile, the
 * default one, and it is open: an existing ledger opens exactly as it did.
 */
export class ProfileRegistry {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, FILE);
  }

  read(): ProfileRegistryData {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) {
        const data = parsed.data;
        // A current id that names no profile (a hand-edited file) falls back to the first one.
        if (!data.profiles.some((p) => p.id === data.currentId)) {
          return { ...data, currentId: data.profiles[0]!.id };
        }
        return data;
      }
    } catch {
      // No file yet, or an unreadable one: the data folder as it was before profiles.
    }
    return {
      currentId: DEFAULT_PROFILE_ID,
      profiles: [{ id: DEFAULT_PROFILE_ID, name: DEFAULT_PROFILE_NAME, createdAt: '' }],
    };
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a file. */
  write(data: ProfileRegistryData): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data, null, 2) + '\n');
    fs.renameSync(temp, this.file);
  }
}
