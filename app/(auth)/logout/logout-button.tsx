import { logOut } from "./actions";

/** A plain form: it works before (or without) JavaScript and adds no client code to any page. */
export function LogoutButton() {
  return (
    <form action={logOut}>
      <button type="submit" className="btn-secondary">
        Log out
      </button>
    </form>
  );
}
