package org.lunchrush.catalog;

/**
 * Where a building stands on the campus plan, in metres from the plan's origin.
 */
public record BuildingPosition(long buildingId, int xMetres, int yMetres) {

	/**
	 * @return the straight-line distance to another building, in metres
	 */
	public double straightLineTo(BuildingPosition other) {
		return Math.hypot(this.xMetres - other.xMetres, this.yMetres - other.yMetres);
	}

}
