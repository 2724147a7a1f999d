/**
 * Implementation details shared by the families (not exported): the parallel scan skeleton, special functions, the
 * quasi-Newton optimiser, exact money arithmetic, argument checks and the seeded random source.
 */
package org.loyaltykpi.internal;
