import type { RefObject } from 'react';

import { DevicesPage } from '../features/devices/DevicesPage';
import { IntakePage } from '../features/intake/IntakePage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PrintPage } from '../features/print/PrintPage';
import { SearchPage } from '../features/search/SearchPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { assertNever } from '../../shared/util/assertNever';

import type { AreaId } from './areas';

type Props = { readonly area: AreaId; readonly headingRef: RefObject<HTMLHeadingElement | null> };

/** Routes an area id to its page. Areas still to be built say so plainly. */
export function AreaView({ area, headingRef }: Props) {
  switch (area) {
    case 'settings':
      return <SettingsPage headingRef={headingRef} />;
    case 'intake':
      return <IntakePage headingRef={headingRef} />;
    case 'orders':
      return <OrdersPage headingRef={headingRef} />;
    case 'devices':
      return <DevicesPage headingRef={headingRef} />;
    case 'print':
      return <PrintPage headingRef={headingRef} />;
    case 'review':
      return <ReviewPage headingRef={headingRef} />;
    case 'search':
      return <SearchPage headingRef={headingRef} />;
    default:
      return assertNever(area);
  }
}
