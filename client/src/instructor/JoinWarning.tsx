import type { JoinTarget } from '../ui/joinAddress';
import { Notice } from '../ui/Notice';

/** What the console says when the address students need isn't the one it was opened at, or none is known. */
export function JoinWarning({ target }: { target: JoinTarget }) {
  if (!target.warning) return null;
  if (target.warning === 'localhost') {
    return (
      <Notice kind="warning">
        <strong>localhost won't work on phones.</strong> You opened the console at {location.host}, which only this computer can reach, so students are
        shown this computer's address on the network, <strong>{target.host}</strong>, here and on the projector.
        {target.others.length > 0 && <> This computer also has {target.others.join(', ')}; set PublicUrl to choose another.</>}
      </Notice>
    );
  }
  const fix = {
    localOnly: (
      <>
        The server listens only on this computer. Restart it listening on the classroom network, e.g. with <code>--urls http://0.0.0.0:5080</code>, or set{' '}
        <code>PublicUrl</code> (see the README).
      </>
    ),
    container: (
      <>
        The server runs in a container and can't see the address phones reach it at. Set <code>PublicUrl</code> to it, e.g.{' '}
        <code>http://192.168.1.20:8080</code>.
      </>
    ),
    noNetwork: <>This computer had no network address when the server started. Connect it to the classroom network and restart the server.</>,
    unknown: (
      <>
        Open the console at this computer's network address instead of {location.host}, or set <code>PublicUrl</code> (see the README).
      </>
    ),
  }[target.warning];
  return (
    <Notice kind="error">
      <strong>Phones can't reach {target.host}.</strong> {fix}
    </Notice>
  );
}
