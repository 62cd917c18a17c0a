/**
 * The Goroscope desktop app: runs a Go program on the engine and animates what the runtime does,
 * bound to a position on the recorded timeline. MVVM: each feature package has a view (JavaFX
 * nodes) and a view model (properties and commands only, no {@code javafx.scene}).
 */
module dev.goroscope.app {
    requires dev.goroscope.engine;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires atlantafx.base;
    requires java.desktop;
    requires java.management;

    exports dev.goroscope.app to javafx.graphics;
    exports dev.goroscope.app.bench to javafx.graphics;
}
