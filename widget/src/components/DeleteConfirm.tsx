import { useT, useView } from '../state/thread-view.ts';
import { Confirm } from './Confirm.tsx';

/** Props of DeleteConfirm. */
export interface DeleteConfirmProps {
  commentId: string;
}

/** "Delete this comment?" under the reader's own comment: yes deletes it, no keeps it. */
export function DeleteConfirm({ commentId }: DeleteConfirmProps) {
  const { writes, ui } = useView();
  const t = useT();
  return (
    <Confirm
      question={t.t('comment.deleteConfirm')}
      yes={t.t('comment.deleteYes')}
      no={t.t('comment.deleteNo')}
      onYes={() => void writes.remove(commentId)}
      onNo={() => ui.setConfirmingDelete(null)}
    />
  );
}
