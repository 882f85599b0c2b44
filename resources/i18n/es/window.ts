<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Cambiar el idioma</translation>
    </message>
    <message>
        <source>Restart the window in {language} now? Your inventory is saved first. Choose No to change the language the next time the window opens.</source>
        <translation>¿Reiniciar ahora la ventana en {language}? Antes se guarda el inventario. Elija No para cambiar el idioma la próxima vez que se abra la ventana.</translation>
    </message>
</context>
</TS>