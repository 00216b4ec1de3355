package org.facsimile.web.account;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources that need a signed-in caller; {@link AuthenticationFilter} enforces it. The
 * scope needed is {@link #value()} when given (on the method, else on the class), otherwise
 * {@link Scope#READ} for GET and HEAD and {@link Scope#DEPOSIT} for everything that changes state.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Secured {

    /** The scopes of which the caller needs one; empty: decided by the HTTP method. */
    Scope[] value() default {};
}
