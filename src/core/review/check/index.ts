import type { Claim, ShareClaim } from '../claims';
import { checkAmount } from './amount';
import { checkChange, checkCompare, checkFlat, checkRate } from './change';
import { CheckContext } from './context';
import { checkCount } from './count';
import { checkLabel } from './label';
import { checkList } from './list';
import { checkCompletion, checkShare, settleNear } from './percent';

export { CheckContext };

/** Each claim against its sources, one check per claim kind; then the 0.01-point cases, then the doubts, once each. */
export function checkClaims(claims: readonly Claim[], ctx: CheckContext): void {
  for (const c of claims) {
    switch (c.kind) {
      case 'amount':
        checkAmount(c, ctx);
        break;
      case 'share':
        checkShare(c, ctx);
        break;
      case 'completion':
        checkCompletion(c, ctx);
        break;
      case 'change':
        checkChange(c, ctx);
        break;
      case 'change-rate':
        checkRate(c, ctx);
        break;
      case 'compare':
        checkCompare(c, ctx);
        break;
      case 'flat':
        checkFlat(c, ctx);
        break;
      case 'count':
        checkCount(c, ctx);
        break;
      case 'list':
        checkList(c, ctx);
        break;
      case 'label':
        checkLabel(c, ctx);
        break;
    }
  }
  settleNear(ctx, claims.filter((c): c is ShareClaim => c.kind === 'share'));
}
