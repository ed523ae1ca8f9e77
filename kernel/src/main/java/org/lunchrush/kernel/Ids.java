package org.lunchrush.kernel;

import com.github.f4b6a3.tsid.TsidCreator;

/**
 * Globally unique, time-ordered 64-bit ids (TSID) for orders, payments and ledger rows:
 * no database sequence, so tables can be sharded without a schema change. The node bits
 * come from the {@code tsidcreator.node} system property when several processes generate
 * ids.
 */
public final class Ids {

	private Ids() {
	}

	public static long next() {
		return TsidCreator.getTsid().toLong();
	}

}
