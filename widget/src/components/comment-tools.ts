/** The comment tools chunk (see comment-tools-slot.ts): what a comment shows once a reader opens it. */
import { DeleteConfirm } from './DeleteConfirm.tsx';
import { EditForm } from './EditForm.tsx';
import { MoreActions } from './MoreActions.tsx';
import { ReportControl } from './ReportControl.tsx';

/** The components of the chunk. */
export interface CommentTools {
  MoreActions: typeof MoreActions;
  EditForm: typeof EditForm;
  DeleteConfirm: typeof DeleteConfirm;
  ReportControl: typeof ReportControl;
}

/** The chunk's components, handed to the thread once loaded. */
export const tools: CommentTools = { MoreActions, EditForm, DeleteConfirm, ReportControl };
