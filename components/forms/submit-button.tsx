import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "children"> & {
  pending: boolean;
  /** The button's words, e.g. "Add party" (with a screen-reader suffix where a row needs one). */
  label: ReactNode;
  /** Its words while the action runs, e.g. "Adding…"; without it the words stay and it is only disabled. */
  pendingLabel?: ReactNode;
};

/** A form's submit button: disabled (and relabelled) while its action runs, so it cannot post twice. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  variant = "primary",
  disabled,
  ...rest
}: SubmitButtonProps) {
  return (
    <Button type="submit" variant={variant} disabled={pending || disabled} {...rest}>
      {pending && pendingLabel !== undefined ? pendingLabel : label}
    </Button>
  );
}

/** The hidden field that names the record a form is about: every action reads its id from here. */
export function RecordIdField({ id }: { id: string }) {
  return <input type="hidden" name="id" value={id} />;
}
