package org.lunchrush.kernel;

/**
 * The four kinds of users.
 */
public enum Role {

	STUDENT, MERCHANT, RIDER, ADMIN

}
