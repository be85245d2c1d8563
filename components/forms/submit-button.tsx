import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "children"> & {
  pending: boolean;
  /** The button's words, e.g. "Add party". */
  label: string;
  /** Its words while the action runs, e.g. "Adding…". */
  pendingLabel: string;
};

/** A form's submit button: disabled and relabelled while its action runs, so it cannot post twice. */
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
      {pending ? pendingLabel : label}
    </Button>
  );
}

/** The hidden field that names the record a form is about: every action reads its id from here. */
export function RecordIdField({ id }: { id: string }) {
  return <input type="hidden" name="id" value={id} />;
}
