export function PaymentErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="payment-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
