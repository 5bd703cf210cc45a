import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Account screen is built next, in this folder. */
export default function AccountScreen() {
  return (
    <ComingNext
      title="Account"
      lead="Your AI tokens and usage, your data export, and deleting your account."
    />
  );
}
