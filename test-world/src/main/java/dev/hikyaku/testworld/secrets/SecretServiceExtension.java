package dev.hikyaku.testworld.secrets;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against its own {@link SecretServiceWorld}: started before the class, named in
 * {@link SecretServiceWorld#BUS_PROPERTY} so the OS-keychain code finds it (never the user's own key store), and
 * stopped after; a test method may take the world as a parameter.
 */
public final class SecretServiceExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecretServiceExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SecretServiceWorld world = SecretServiceWorld.start();
        context.getStore(NAMESPACE).put(SecretServiceWorld.class, world);
        System.setProperty(SecretServiceWorld.BUS_PROPERTY, world.busAddress());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        System.clearProperty(SecretServiceWorld.BUS_PROPERTY);
        SecretServiceWorld world = context.getStore(NAMESPACE).remove(SecretServiceWorld.class, SecretServiceWorld.class);
        if (world != null) {
            world.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SecretServiceWorld.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SecretServiceWorld.class, SecretServiceWorld.class);
    }
}
