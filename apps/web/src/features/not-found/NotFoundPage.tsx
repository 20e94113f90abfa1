import { Link } from 'react-router';
import { ja } from '../../shared/i18n/ja';
import { usePageTitle } from '../../shared/ui/usePageTitle';

/** Any address the console does not know; later also a referral the viewer may not see (the api answers NOT_FOUND alike). */
export function NotFoundPage() {
  usePageTitle(ja.notFound.title);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-32B-150">{ja.notFound.title}</h1>
      <p>{ja.notFound.body}</p>
      <p>
        <Link to="/" className="text-blue-1000 underline">
          {ja.notFound.backHome}
        </Link>
      </p>
    </div>
  );
}
