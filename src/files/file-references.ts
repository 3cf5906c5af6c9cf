import type { Caller } from '../auth/auth.decorators.js';

/**
 * Records that reference uploaded files (a case's materials), seen from the files module: may this caller,
 * who did not upload the file, read it because they can see a record that references it?
 *
 * The files module cannot ask the cases module directly: cases depends on files (to check what an
 * applicant attaches), so asking back would be a cycle. The dependency is inverted instead: the cases
 * module, which owns both the references and the rule of who sees a case, registers its answer with
 * FilesService.registerReferences at start-up. Without any registered, a file is its uploader's alone.
 */
export interface FileReferences {
  visibleTo(fileId: string, caller: Caller): Promise<boolean>;
}
